package com.firsthand.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firsthand.infra.Ports;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The README's first command, as a newcomer would use it: the launcher starts PostgreSQL, Kafka, S3, the four
 * services and the gateway as separate processes. Started once for all end-to-end tests of the run; stopped with
 * SIGTERM at the end, which must leave no process behind.
 */
public final class LocalStack implements BeforeAllCallback, ExtensionContext.Store.CloseableResource, AutoCloseable {

    /** How long before a held slot (30 minutes) lapses its worker is told, in this stack: 2 s after the accept. */
    public static final Duration EXPIRING_NOTICE = Duration.ofMinutes(30).minusSeconds(2);
    /** How often submissions-service looks for holds to announce (and to free), in this stack. */
    public static final Duration EXPIRY_CHECK = Duration.ofSeconds(2);

    private static LocalStack instance;

    private Path dataDir;
    private OtlpCollector collector;
    private Process launcher;
    private Api api;
    private Properties demo;

    /** The running stack (started by the extension). */
    public static synchronized LocalStack get() {
        return instance;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (LocalStack.class) {
            if (instance == null) {
                start();
                instance = this;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("firsthand-local-stack", this);
            }
        }
    }

    private void start() throws Exception {
        Path project = Path.of(System.getProperty("fh.project.dir", "..")).toAbsolutePath().normalize();
        dataDir = Files.createTempDirectory(project.resolve("e2e-tests/target"), "stack");
        // The gateway binds it a minute from now, after thousands of outgoing connections: Ports.free keeps it
        // out of their (ephemeral) range.
        int port = Ports.free();
        ProcessBuilder command = new ProcessBuilder("java", "-Xmx256m", "-jar",
                project.resolve("launcher/target/fh-launcher.jar").toString(),
                "--data-dir", dataDir.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("launcher-output.log").toFile());
        // Svix's schedule compressed to seconds (the services inherit the environment), so that a receiver's
        // outage is retried within the test's time.
        command.environment().put("FIRSTHAND_WEBHOOKS_RETRY_SCHEDULE", "0s,1s,2s,4s,8s,8s,8s,8s");
        // A held slot (30 minutes) is announced as expiring (assignment.expiring) once it is 2 s old, checked every
        // 2 s, so that the worker's notice is seen within the test's time; nothing else of a hold changes (it
        // still lapses after 30 minutes, longer than the whole run).
        command.environment().put("FIRSTHAND_SUBMISSIONS_ASSIGNMENT_EXPIRING_NOTICE", EXPIRING_NOTICE.toString());
        command.environment().put("FIRSTHAND_SUBMISSIONS_EXPIRY_CHECK", EXPIRY_CHECK.toSeconds() + "s");
        // Tracing on, as a deployment with a collector runs it: every span the services make goes to this one.
        collector = new OtlpCollector();
        command.environment().put("QUARKUS_OTEL_SDK_DISABLED", "false");
        command.environment().put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
        command.environment().put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", collector.endpoint());
        command.environment().put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "500ms");
        launcher = command.start();
        Path credentials = dataDir.resolve("demo-credentials.properties");
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(launcher.isAlive()).as(this::output).isTrue();
            return Files.exists(credentials) && output().contains("FirstHand is running");
        });
        demo = new Properties();
        try (InputStream in = new FileInputStream(credentials.toFile())) {
            demo.load(in);
        }
        api = new Api("http://127.0.0.1:" + port);
    }

    @Override
    public void close() throws Exception {
        launcher.destroy();
        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("the launcher stops on SIGTERM").isTrue();
        assertThat(launcher.descendants().filter(ProcessHandle::isAlive).count()).as("no process left").isZero();
        collector.close();
    }

    public Api api() {
        return api;
    }

    /** The spans the services exported, for the whole run. */
    OtlpCollector collector() {
        return collector;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String demoApiKey() {
        return demo.getProperty("api.key");
    }

    public String demoWorkerToken() {
        return demo.getProperty("worker.token");
    }

    public String adminToken() throws IOException {
        return Files.readString(dataDir.resolve("admin-token")).trim();
    }

    public String output() {
        try {
            return Files.readString(dataDir.resolve("launcher-output.log"));
        } catch (IOException e) {
            return "";
        }
    }

    /** scoring-service's count of tasks dropped because their job was cancelled (from its /q/metrics). */
    public double scoringTasksDropped() throws IOException, InterruptedException {
        return metric(8083, "firsthand_scoring_tasks_dropped_total");
    }

    /** Worker event long-polls parked in submissions-service, waiting for an event (from its /q/metrics). */
    public double workerEventPollsWaiting() throws IOException, InterruptedException {
        return metric(8082, "firsthand_submissions_worker_event_polls_waiting");
    }

    private static double metric(int port, String name) throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .map(line -> line.replaceFirst(" # \\{.*$", ""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The running JVM of one of the four services, among the launcher's children. */
    public ProcessHandle service(String name) {
        return launcher.descendants().filter(p -> commandLine(p).contains(name + "/target/quarkus-app"))
                .findFirst().orElseThrow(() -> new AssertionError("no running " + name));
    }

    /** Kills one of the four services with -9 and waits until the launcher has started it again and it is ready. */
    public void killAndAwaitReady(String service) throws Exception {
        kill(service);
        awaitReady(service);
    }

    /** Kills one of the four services with -9; returns once it is gone (the launcher starts it again after 1 s). */
    public void kill(String service) throws Exception {
        ProcessHandle process = service(service);
        process.destroyForcibly();
        process.onExit().get(10, TimeUnit.SECONDS);
    }

    /** Waits until one of the four services answers its readiness check. */
    public void awaitReady(String service) {
        int port = 8081 + List.of("jobs-service", "submissions-service", "scoring-service", "webhook-service")
                .indexOf(service);
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    /** The whole command line: ProcessHandle.Info cuts long ones short, and a broker's classpath is long. */
    public static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc/" + process.pid() + "/cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** Freezes a process (SIGSTOP) until the returned handle is closed (SIGCONT): alive, but answering nothing. */
    public static AutoCloseable freeze(ProcessHandle process) throws IOException, InterruptedException {
        signal("-STOP", process);
        return () -> signal("-CONT", process);
    }

    private static void signal(String signal, ProcessHandle process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).as("kill " + signal + " " + process.pid()).isZero();
    }
}
