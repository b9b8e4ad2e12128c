package com.firsthand.e2e.bench;

import static org.awaitility.Awaitility.await;

import com.firsthand.common.testing.SyntheticPhotos;
import com.firsthand.e2e.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bench/uploads.sh runs this against a running stack: accept + multipart upload through the gateway for 200 KB
 * and 5 MB files from several workers at once, then 20 simultaneous 50 MB uploads while sampling
 * submissions-service's resident memory. Files are a real 640x480 JPEG padded to size: the upload path sniffs the
 * type and reads the header only, so these measure transport, hashing and storage; scoring decodes the small
 * picture in the background.
 */
public final class UploadBench {

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } finally {
            System.exit(0);
        }
    }

    private static void run(String[] args) throws Exception {
        Api api = new Api(args[0]);
        String admin = Files.readString(Path.of(args[1])).trim();
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String buyer = api.post("/admin/organizations", admin, "{\"name\":\"Upload bench\"}").json()
                .path("api_key").path("secret").asText();
        List<String> workers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            workers.add(api.post("/admin/workers", admin, "{\"name\":\"bench-" + i + "\"}").json()
                    .path("token").path("secret").asText());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> workers.stream()
                .allMatch(worker -> api.get("/v1/worker/jobs", worker).status() == 200));
        System.out.printf(Locale.ROOT, "## Uploads — %s, %d cores%n%n", Instant.now().toString().substring(0, 16),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| file | concurrent workers | uploads | uploads/s | MB/s | p50 | p99 |");
        System.out.println("|---|---|---|---|---|---|---|");
        String small = steady(api, buyer, workers.subList(0, 8), 200 * 1024, seconds);
        String large = steady(api, buyer, workers.subList(0, 8), 5 * 1024 * 1024, seconds);
        System.out.printf("%nWhere the CPU goes, 200 KB uploads (accept, upload, scoring and the events between the"
                + " services):%n%n%s%n5 MB uploads:%n%n%s", small, large);
        memory(api, buyer, workers);
    }

    /** Posts a job and waits until the worker side has it (its submissions list answers instead of 404). */
    private static String job(Api api, String buyer, int filesNeeded) {
        String jobId = api.post("/v1/jobs", buyer, "{\"type\":\"data_collection\",\"description\":\"Upload bench\","
                + "\"files_needed\":" + filesNeeded + ",\"accepted_formats\":[\"image/jpeg\"],"
                + "\"price_per_file_cents\":1}").json().path("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/v1/jobs/" + jobId + "/submissions", buyer)
                .status() == 200);
        return jobId;
    }

    /** A real 640x480 JPEG padded with random bytes after its end marker (readers ignore them) to {@code size}. */
    static byte[] paddedJpeg(int size, long seed) {
        byte[] photo = SyntheticPhotos.jpeg(SyntheticPhotos.scene(seed, 640, 480), 0.9f);
        byte[] bytes = new byte[Math.max(size, photo.length)];
        new Random(seed).nextBytes(bytes);
        System.arraycopy(photo, 0, bytes, 0, photo.length);
        return bytes;
    }

    /** Runs closed-loop uploads for {@code seconds}, prints the table row, returns where the CPU went. */
    private static String steady(Api api, String buyer, List<String> workers, int size, int seconds)
            throws Exception {
        String jobId = job(api, buyer, 100_000);
        byte[] file = paddedJpeg(size, size);
        Map<String, Long> cpuBefore = CpuAccounting.snapshot();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        List<Future<?>> runs = new ArrayList<>();
        for (String worker : workers) {
            runs.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    Api.Reply accepted = api.post("/v1/worker/jobs/" + jobId + "/accept", worker, null);
                    Api.Reply uploaded = api.upload("/v1/worker/jobs/" + jobId + "/submissions", worker, "f.jpg",
                            "image/jpeg", file, UUID.randomUUID().toString());
                    if (accepted.status() == 200 && uploaded.status() == 200) {
                        latencies.add((System.nanoTime() - start) / 1_000_000);
                    } else if (failures.incrementAndGet() == 1) {
                        System.out.println("first failure: accept " + accepted.status() + " " + accepted.body()
                                + " / upload " + uploaded.status() + " " + uploaded.body());
                    }
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        // Scoring and webhooks trail the uploads: let them finish so that their CPU counts too.
        String pending = "/v1/submissions?job_id=" + jobId + "&status=pending_score&limit=1";
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.get(pending, buyer).json().path("data").isEmpty());
        String cpu = CpuAccounting.perOperation(cpuBefore, CpuAccounting.snapshot(), latencies.size(), "upload");
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double perSecond = sorted.size() / (double) seconds;
        System.out.printf(Locale.ROOT, "| %s | %d | %d (%d failed) | %.1f | %.1f | %d ms | %d ms |%n",
                size >= 1024 * 1024 ? size / 1024 / 1024 + " MB" : size / 1024 + " KB", workers.size(), sorted.size(),
                failures.get(), perSecond, perSecond * size / 1024 / 1024, percentile(sorted, 50),
                percentile(sorted, 99));
        return cpu;
    }

    private static void memory(Api api, String buyer, List<String> workers) throws Exception {
        String jobId = job(api, buyer, 1000);
        long pid = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("submissions-service/target/quarkus-app"))
                .findFirst().orElseThrow().pid();
        long before = rssKb(pid);
        byte[] file = paddedJpeg(50 * 1024 * 1024 - 4096, 50);
        AtomicLong peak = new AtomicLong(before);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(rssKb(pid), Math::max), 0, 50,
                TimeUnit.MILLISECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        long start = System.nanoTime();
        List<Future<Integer>> uploads = new ArrayList<>();
        for (String worker : workers) {
            uploads.add(pool.submit(() -> {
                api.post("/v1/worker/jobs/" + jobId + "/accept", worker, null);
                return api.upload("/v1/worker/jobs/" + jobId + "/submissions", worker, "big.jpg", "image/jpeg", file,
                        UUID.randomUUID().toString()).status();
            }));
        }
        int ok = 0;
        for (Future<Integer> upload : uploads) {
            ok += upload.get() == 200 ? 1 : 0;
        }
        double took = (System.nanoTime() - start) / 1e9;
        sampler.shutdownNow();
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%n- 20 simultaneous 50 MB uploads: %d accepted in %.1f s (%.0f MB/s); "
                + "submissions-service RSS %d MB before, peak %d MB (-Xmx384m): bodies stream to disk, never to "
                + "the heap%n", ok, took, 20 * 50 / took, before / 1024, peak.get() / 1024);
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
