package com.firsthand.scoring.bench;

import com.firsthand.common.ids.Ids;
import com.firsthand.events.EventEnvelope;
import com.firsthand.common.testing.SyntheticPhotos;
import com.firsthand.scoring.ScoredEvents;
import com.firsthand.scoring.ScoringFixtures;
import com.firsthand.scoring.ScoringFixtures.Job;
import com.firsthand.scoring.ScoringProcess;
import com.firsthand.scoring.domain.FileFacts;
import com.firsthand.scoring.domain.PreScoringChecks;
import com.firsthand.scoring.service.DocumentCheck;
import com.firsthand.scoring.service.FileAnalyzer;
import com.firsthand.scoring.service.ImageDecoder;
import com.firsthand.scoring.service.LocalScorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * bench/scoring.sh runs this. Part 1: the local scoring pipeline (sniff, hash, decode, measure, dHash, EXIF,
 * rate) on one thread, 1 MP and 12 MP JPEGs. Part 2: scoring-service as a real process on real Kafka, PostgreSQL
 * and S3Proxy: latency from publishing submission.uploaded to receiving submission.scored at a steady rate, and
 * the rate at which it drains a backlog.
 */
public final class ScoringBench {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 4;
        System.out.printf(Locale.ROOT, "## Scoring — %s, %d cores%n%n", Instant.now().toString().substring(0, 16),
                Runtime.getRuntime().availableProcessors());
        pipeline("1 MP (1155×866)", 1155, 866, 40);
        pipeline("12 MP (4000×3000)", 4000, 3000, 12);
        Path dir = Files.createTempDirectory("scoring-bench");
        try (ScoringProcess scoring = new ScoringProcess(dir).start();
                ScoredEvents scored = new ScoredEvents(scoring.kafka())) {
            ScoringFixtures fixtures = new ScoringFixtures(scoring.kafka(), scoring.minio());
            Map<String, byte[]> photos = Map.of("1 MP", SyntheticPhotos.jpeg(SyntheticPhotos.scene(1, 1155, 866), 0.9f),
                    "12 MP", SyntheticPhotos.jpeg(SyntheticPhotos.scene(2, 4000, 3000), 0.9f));
            steady(fixtures, scored, photos.get("1 MP"), "1 MP", 10, rate);
            System.out.println();
            System.out.println("| service (2 scoring threads) | uploads | rate sent | p50 uploaded→scored | p99 | max |");
            System.out.println("|---|---|---|---|---|---|");
            for (String size : List.of("1 MP", "12 MP")) {
                steady(fixtures, scored, photos.get(size), size, seconds, size.equals("1 MP") ? rate : rate / 2);
            }
            System.out.println();
            for (String size : List.of("1 MP", "12 MP")) {
                backlog(fixtures, scored, photos.get(size), size, 60);
            }
        }
    }

    private static void pipeline(String label, int width, int height, int rounds) throws Exception {
        Path file = Files.createTempFile("bench", ".jpg");
        Files.write(file, SyntheticPhotos.jpeg(SyntheticPhotos.scene(7, width, height), 0.9f));
        FileAnalyzer analyzer = new FileAnalyzer(new ImageDecoder(), new DocumentCheck(), 100_000_000, 1568);
        LocalScorer scorer = new LocalScorer();
        for (int i = 0; i < rounds / 2; i++) {
            scorer.score(analyzer.analyze(file), null, List.of());
        }
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            FileFacts facts = analyzer.analyze(file);
            scorer.score(facts, null, List.of());
        }
        double perFile = (System.nanoTime() - start) / 1e6 / rounds;
        System.out.printf(Locale.ROOT, "- local pipeline, %s JPEG, one thread: %.0f ms per file = %.1f files/s per core%n",
                label, perFile, 1000 / perFile);
        Files.delete(file);
    }

    private static void steady(ScoringFixtures fixtures, ScoredEvents scored, byte[] photo, String label, int seconds,
            double rate) throws Exception {
        String orgId = Ids.next(Ids.ORGANIZATION);
        Map<String, Instant> sent = new HashMap<>();
        long intervalNanos = (long) (1e9 / rate);
        long next = System.nanoTime();
        int count = (int) (seconds * rate);
        for (int i = 0; i < count; i++) {
            while (System.nanoTime() < next) {
                scored.poll();
            }
            EventEnvelope upload = fixtures.upload(Job.photos(orgId), "wkr_" + i, distinct(photo, i), "image/jpeg");
            sent.put(upload.aggregateId(), Instant.now());
            next += intervalNanos;
        }
        List<Long> latencies = collect(scored, sent);
        if (seconds > 10) {
            System.out.printf(Locale.ROOT, "| %s JPEG | %d | %.1f/s | %d ms | %d ms | %d ms |%n", label, count, rate,
                    percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1));
        }
    }

    private static void backlog(ScoringFixtures fixtures, ScoredEvents scored, byte[] photo, String label, int count)
            throws Exception {
        String orgId = Ids.next(Ids.ORGANIZATION);
        Map<String, Instant> sent = new HashMap<>();
        Instant start = Instant.now();
        for (int i = 0; i < count; i++) {
            EventEnvelope upload = fixtures.upload(Job.photos(orgId), "wkr_" + i, distinct(photo, i), "image/jpeg");
            sent.put(upload.aggregateId(), Instant.now());
        }
        collect(scored, sent);
        double secondsTaken = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        System.out.printf(Locale.ROOT, "- backlog of %d %s JPEGs drained in %.1f s: %.1f submissions scored per second "
                + "(%.1f per core)%n", count, label, secondsTaken, count / secondsTaken,
                count / secondsTaken / Runtime.getRuntime().availableProcessors());
    }

    /**
     * Appends bytes after the JPEG's end marker: the same picture with another SHA-256. Each upload has its own job
     * and worker, so no duplicate check fires and every file takes the full path.
     */
    private static byte[] distinct(byte[] photo, int i) {
        byte[] tail = ("bench-" + i).getBytes();
        byte[] out = java.util.Arrays.copyOf(photo, photo.length + tail.length);
        System.arraycopy(tail, 0, out, photo.length, tail.length);
        return out;
    }

    private static List<Long> collect(ScoredEvents scored, Map<String, Instant> sent) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && !sent.keySet().stream().allMatch(id -> scored.firstSeen(id) != null)) {
            scored.poll();
        }
        List<Long> latencies = new ArrayList<>();
        sent.forEach((id, at) -> {
            if (scored.firstSeen(id) != null) {
                latencies.add(Duration.between(at, scored.firstSeen(id)).toMillis());
            }
        });
        latencies.sort(null);
        if (latencies.size() < sent.size()) {
            System.out.printf("WARNING: %d of %d submissions were not scored within 5 minutes%n",
                    sent.size() - latencies.size(), sent.size());
        }
        return latencies;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
