package com.firsthand.scoring.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A vision provider speaking OpenAI's chat-completions wire format (also at Azure's deployment paths), JDK only:
 * log-normal latency without a thread per request, a requests-per-minute limit (429 + Retry-After), an outage
 * window (503), scripted answers, and statistics (also at GET /stats). Tests start it with {@link #start}; the
 * LLM scoring bench runs {@link #main} or starts it in its own JVM.
 */
public final class SimulatedProvider implements AutoCloseable {

    /** Settings; change them with the withers. Latency with p99 &lt;= median is fixed at the median. */
    public static final class Options {
        int port;
        long medianMs = 3000;
        long p99Ms = 10_000;
        int rpm;
        long outageStartS = -1;
        long outageLengthS;
        boolean outageCloses;
        int promptTokens = 850;
        int completionTokens = 30;
        int rating = 4;

        public Options port(int port) { this.port = port; return this; }
        public Options latency(long medianMs, long p99Ms) { this.medianMs = medianMs; this.p99Ms = p99Ms; return this; }
        public Options fixedLatency(long ms) { return latency(ms, ms); }
        public Options rpm(int rpm) { this.rpm = rpm; return this; }
        public Options outage(long startS, long lengthS) { outageStartS = startS; outageLengthS = lengthS; return this; }
        /** During an outage close the connection without an answer instead of answering 503. */
        public Options outageClosesConnection(boolean closes) { outageCloses = closes; return this; }
        public Options promptTokens(int tokens) { promptTokens = tokens; return this; }
        public Options completionTokens(int tokens) { completionTokens = tokens; return this; }
        public Options rating(int rating) { this.rating = rating; return this; }
    }

    /**
     * Counters so far. {@code maxAcceptedPer60s}: the most accepted (200) requests in any 60-s window;
     * {@code maxRequestsPer60s}: the most chat-completion requests of any outcome (429s included) in any 60-s window.
     */
    public record Stats(long requests, long accepted, long rateLimited, long outageRejected, long scripted,
            int inFlight, int maxInFlight, int maxAcceptedPer60s, int maxRequestsPer60s,
            List<Integer> acceptedPerMinute, int rpmLimit, long promptTokens, long completionTokens) {

        public String json() {
            return String.format(java.util.Locale.ROOT, "{\"requests\":%d,\"accepted\":%d,\"rate_limited\":%d,"
                    + "\"outage_rejected\":%d,\"scripted\":%d,\"in_flight\":%d,\"max_in_flight\":%d,"
                    + "\"max_accepted_per_60s\":%d,\"max_requests_per_60s\":%d,\"accepted_per_minute\":%s,"
                    + "\"rpm_limit\":%d,\"prompt_tokens\":%d,\"completion_tokens\":%d}", requests, accepted,
                    rateLimited, outageRejected, scripted, inFlight, maxInFlight, maxAcceptedPer60s, maxRequestsPer60s,
                    acceptedPerMinute.toString().replace(" ", ""), rpmLimit, promptTokens, completionTokens);
        }
    }

    private record Scripted(int status, String retryAfter) {
    }

    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern DEPLOYMENT = Pattern.compile("/openai/deployments/([^/]+)/chat/completions");
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Options options;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService timer;
    private final long startNanos = System.nanoTime();
    private final ConcurrentLinkedQueue<Scripted> scripted = new ConcurrentLinkedQueue<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong outageRejected = new AtomicLong();
    private final AtomicLong scriptedCount = new AtomicLong();
    private final AtomicLong promptTokens = new AtomicLong();
    private final AtomicLong completionTokens = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    /** Accepted requests of the last 60 s (nanoTime), and all of them (milliseconds since start). */
    private final Deque<Long> window = new ArrayDeque<>();
    private final Deque<Long> allWindow = new ArrayDeque<>();
    private final List<Long> acceptedAtMs = new ArrayList<>();
    private int maxPer60s;
    private int maxRequestsPer60s;
    private volatile Boolean outage;
    private volatile String content;
    private volatile String finishReason = "stop";

    private SimulatedProvider(Options options) throws IOException {
        this.options = options;
        handlers = Executors.newFixedThreadPool(4, named("simulated-provider-handler"));
        timer = Executors.newScheduledThreadPool(2, named("simulated-provider-timer"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port), 4096);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    public static SimulatedProvider start(Options options) {
        try {
            return new SimulatedProvider(options);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Forces the outage on (true) or off (false), overriding the configured window. */
    public void setOutage(boolean on) { outage = on; }
    public void setRpm(int rpm) { options.rpm = rpm; }
    public void setLatency(long medianMs, long p99Ms) { options.latency(medianMs, p99Ms); }
    public long requestsSeen() { return requests.get(); }
    public int maxConcurrent() { return maxInFlight.get(); }
    public int inFlight() { return inFlight.get(); }

    /** The next n chat-completion requests are answered at once with this status (and Retry-After, if not null). */
    public void answerNext(int n, int status, String retryAfter) {
        for (int i = 0; i < n; i++) {
            scripted.add(new Scripted(status, retryAfter));
        }
    }

    /** From now on the assistant's content and finish_reason are these; null content restores the default. */
    public void respondWith(String content, String finishReason) {
        this.content = content;
        this.finishReason = finishReason == null ? "stop" : finishReason;
    }

    public synchronized Stats stats() {
        List<Integer> perMinute = new ArrayList<>();
        for (long at : acceptedAtMs) {
            int minute = (int) (at / 60_000);
            while (perMinute.size() <= minute) {
                perMinute.add(0);
            }
            perMinute.set(minute, perMinute.get(minute) + 1);
        }
        return new Stats(requests.get(), accepted.get(), rateLimited.get(), outageRejected.get(), scriptedCount.get(),
                inFlight.get(), maxInFlight.get(), maxPer60s, maxRequestsPer60s, perMinute, options.rpm,
                promptTokens.get(), completionTokens.get());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if ("GET".equals(exchange.getRequestMethod()) && path.endsWith("/stats")) {
            send(exchange, 200, stats().json(), null);
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/chat/completions")) {
            send(exchange, 404, error("No such endpoint: " + path, "invalid_request_error", "not_found"), null);
            return;
        }
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        requests.incrementAndGet();
        received();
        if (inOutage()) {
            outageRejected.incrementAndGet();
            if (options.outageCloses) {
                exchange.close();
            } else {
                send(exchange, 503, error("The server is overloaded or not ready yet.", "server_error", null), null);
            }
            return;
        }
        Scripted script = scripted.poll();
        if (script != null) {
            scriptedCount.incrementAndGet();
            send(exchange, script.status(), error("Scripted answer " + script.status(), "scripted",
                    script.status() == 429 ? "rate_limit_exceeded" : null), script.retryAfter());
            return;
        }
        long retryAfter = admit();
        if (retryAfter > 0) {
            rateLimited.incrementAndGet();
            send(exchange, 429, error("Rate limit reached for requests: limit " + options.rpm + " per min. Please "
                    + "try again in " + retryAfter + "s.", "requests", "rate_limit_exceeded"), Long.toString(retryAfter));
            return;
        }
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        String model = model(body, path);
        timer.schedule(() -> {
            try {
                send(exchange, 200, completion(model), null);
            } catch (IOException | RuntimeException e) {
                exchange.close();
            } finally {
                inFlight.decrementAndGet();
            }
        }, latencyMs(), TimeUnit.MILLISECONDS);
    }

    private synchronized void received() {
        long now = System.nanoTime();
        while (!allWindow.isEmpty() && now - allWindow.peekFirst() >= WINDOW_NANOS) {
            allWindow.removeFirst();
        }
        allWindow.addLast(now);
        maxRequestsPer60s = Math.max(maxRequestsPer60s, allWindow.size());
    }

    /** Records an accepted request and returns 0, or the seconds until a slot frees under the RPM limit. */
    private synchronized long admit() {
        long now = System.nanoTime();
        while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_NANOS) {
            window.removeFirst();
        }
        int rpm = options.rpm;
        if (rpm > 0 && window.size() >= rpm) {
            long wait = window.peekFirst() + WINDOW_NANOS - now;
            return Math.max(1, (wait + 999_999_999) / 1_000_000_000);
        }
        window.addLast(now);
        maxPer60s = Math.max(maxPer60s, window.size());
        acceptedAtMs.add((now - startNanos) / 1_000_000);
        accepted.incrementAndGet();
        return 0;
    }

    private boolean inOutage() {
        Boolean forced = outage;
        if (forced != null) {
            return forced;
        }
        long seconds = (System.nanoTime() - startNanos) / 1_000_000_000;
        return options.outageStartS >= 0 && seconds >= options.outageStartS
                && seconds < options.outageStartS + options.outageLengthS;
    }

    private long latencyMs() {
        long median = options.medianMs;
        long p99 = options.p99Ms;
        if (p99 <= median || median <= 0) {
            return Math.max(0, median);
        }
        double sigma = Math.log((double) p99 / median) / 2.326;
        return Math.round(median * Math.exp(sigma * ThreadLocalRandom.current().nextGaussian()));
    }

    private static String model(String body, String path) {
        Matcher model = MODEL.matcher(body);
        if (model.find()) {
            return model.group(1);
        }
        Matcher deployment = DEPLOYMENT.matcher(path);
        return deployment.find() ? deployment.group(1) : "simulated";
    }

    private String completion(String model) {
        int prompt = options.promptTokens;
        int completion = options.completionTokens;
        promptTokens.addAndGet(prompt);
        completionTokens.addAndGet(completion);
        String answer = content != null ? content
                : "{\"rating\": " + options.rating + ", \"reasoning\": \"Simulated: matches the job.\"}";
        return "{\"id\":\"chatcmpl-" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"chat.completion\","
                + "\"created\":" + System.currentTimeMillis() / 1000 + ",\"model\":" + quote(model)
                + ",\"choices\":[{\"index\":0,\"finish_reason\":" + quote(finishReason) + ",\"message\":{\"role\":"
                + "\"assistant\",\"content\":" + quote(answer) + "}}],\"usage\":{\"prompt_tokens\":" + prompt
                + ",\"completion_tokens\":" + completion + ",\"total_tokens\":" + (prompt + completion) + "}}";
    }

    private static String error(String message, String type, String code) {
        return "{\"error\":{\"message\":" + quote(message) + ",\"type\":" + quote(type) + ",\"param\":null,\"code\":"
                + (code == null ? "null" : quote(code)) + "}}";
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static void send(HttpExchange exchange, int status, String body, String retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
        handlers.shutdownNow();
    }

    /** Flags: --port --latency-median-ms --latency-p99-ms --rpm --outage-start-s --outage-length-s --prompt-tokens --rating. */
    public static void main(String[] args) throws Exception {
        Options options = new Options();
        for (int i = 0; i + 1 < args.length; i += 2) {
            long value = Long.parseLong(args[i + 1]);
            switch (args[i]) {
                case "--port" -> options.port((int) value);
                case "--latency-median-ms" -> options.medianMs = value;
                case "--latency-p99-ms" -> options.p99Ms = value;
                case "--rpm" -> options.rpm((int) value);
                case "--outage-start-s" -> options.outageStartS = value;
                case "--outage-length-s" -> options.outageLengthS = value;
                case "--prompt-tokens" -> options.promptTokens((int) value);
                case "--rating" -> options.rating((int) value);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        SimulatedProvider provider = start(options);
        System.out.println("SIMULATED_PROVIDER_URL=" + provider.baseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
