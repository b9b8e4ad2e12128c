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

    private static LocalStack instance;

    private Path dataDir;
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
    }

    public Api api() {
        return api;
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
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:8083/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("firsthand_scoring_tasks_dropped_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The running JVM of one of the four services, among the launcher's children. */
    public ProcessHandle service(String name) {
        return launcher.descendants().filter(p -> commandLine(p).contains(name + "/target/quarkus-app"))
                .findFirst().orElseThrow(() -> new AssertionError("no running " + name));
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
