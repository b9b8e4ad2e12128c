package com.firsthand.launcher;

import com.firsthand.infra.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * One service running from its Quarkus fast-jar in a child JVM that stops when the launcher dies. A service that
 * exits on its own (a crash, kill -9, out of memory) is started again after a second, as Kubernetes would.
 */
final class ServiceProcess implements AutoCloseable {

    /**
     * The Main-Class of quarkus-run.jar. ChildJvm starts a main class, not -jar; with quarkus-run.jar on the
     * classpath its manifest Class-Path still brings lib/boot/*, and this entry point finds the application
     * (quarkus-app/) from the location of its own jar in lib/boot. Only the manifest's Add-Opens/Add-Exports,
     * which the JVM honours for -jar alone, must be passed by hand: see {@link #manifestJvmOptions}.
     */
    static final String QUARKUS_MAIN = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";
    static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC");

    static final Duration RESTART_DELAY = Duration.ofSeconds(1);

    private final ServiceSpec spec;
    private final Path runnerJar;
    private final List<String> jvmOptions;
    private final Path log;
    private volatile ChildJvm child;
    private volatile String lastAnswer = "no answer yet";
    private boolean stopping;

    private ServiceProcess(ServiceSpec spec, Path runnerJar, List<String> jvmOptions, Path log) {
        this.spec = spec;
        this.runnerJar = runnerJar;
        this.jvmOptions = jvmOptions;
        this.log = log;
    }

    static ServiceProcess start(ServiceSpec spec, Path runnerJar, Map<String, String> properties, Path log) {
        List<String> jvmOptions = new ArrayList<>(JVM_OPTIONS);
        jvmOptions.addAll(manifestJvmOptions(runnerJar));
        properties.forEach((key, value) -> jvmOptions.add("-D" + key + "=" + value));
        ServiceProcess service = new ServiceProcess(spec, runnerJar, List.copyOf(jvmOptions), log);
        service.launch();
        return service;
    }

    private synchronized void launch() {
        if (stopping) {
            return;
        }
        markStart(log);
        ChildJvm started = ChildJvm.start(spec.name(), runnerJar.toString(), jvmOptions, QUARKUS_MAIN, List.of(), log);
        child = started;
        ProcessHandle.of(started.pid()).ifPresent(handle -> handle.onExit().thenRunAsync(this::restartAfterExit,
                CompletableFuture.delayedExecutor(RESTART_DELAY.toMillis(), TimeUnit.MILLISECONDS)));
    }

    private void restartAfterExit() {
        synchronized (this) {
            if (stopping) {
                return;
            }
        }
        System.out.println("  " + spec.name() + " exited unexpectedly; starting it again (log: " + log + ")");
        launch();
    }

    /** Logs are appended across runs: a header shows where this run begins. */
    private static void markStart(Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, System.lineSeparator() + "===== FirstHand launcher: starting at " + Instant.now()
                    + " =====" + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log, e);
        }
    }

    /** The JVM options equivalent to the runner jar's Add-Opens and Add-Exports manifest attributes. */
    static List<String> manifestJvmOptions(Path jar) {
        List<String> options = new ArrayList<>();
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            Manifest manifest = jarFile.getManifest();
            if (manifest == null) {
                return options;
            }
            Attributes attributes = manifest.getMainAttributes();
            for (String[] attribute : new String[][] {{"Add-Opens", "--add-opens"}, {"Add-Exports", "--add-exports"}}) {
                String value = attributes.getValue(attribute[0]);
                if (value != null) {
                    for (String modulePackage : value.trim().split("\\s+")) {
                        options.add(attribute[1] + "=" + modulePackage + "=ALL-UNNAMED");
                    }
                }
            }
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** Waits until every service's readiness check answers 200; fails as soon as one exits or times out. */
    static void awaitReady(List<ServiceProcess> services, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServiceProcess> pending = new ArrayList<>(services);
        while (!pending.isEmpty()) {
            for (Iterator<ServiceProcess> it = pending.iterator(); it.hasNext(); ) {
                ServiceProcess service = it.next();
                if (service.isReady(http)) {
                    System.out.println("  ready: " + service.spec.name() + " on port " + service.spec.port());
                    it.remove();
                } else if (!service.child.isAlive()) {
                    throw service.failure("exited before it was ready");
                }
            }
            if (!pending.isEmpty() && System.nanoTime() > deadline) {
                throw pending.get(0).failure("was not ready within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    private boolean isReady(HttpClient http) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + spec.port() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            lastAnswer = "GET /q/health/ready answered " + response.statusCode() + " "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
            return response.statusCode() == 200;
        } catch (IOException e) {
            lastAnswer = "GET /q/health/ready failed: " + e;
            return false;
        }
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(spec.name() + " " + what + " (" + lastAnswer + ").\n"
                + "Last lines of " + log + ":\n" + child.tail());
    }

    ServiceSpec spec() {
        return spec;
    }

    /** Graceful stop (SIGTERM), forcibly after 15 s; no restart follows. */
    @Override
    public void close() {
        synchronized (this) {
            stopping = true;
        }
        child.close();
    }
}
