package com.firsthand.launcher;

import com.firsthand.infra.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Checks made before anything starts, so that a failure is a clear message rather than a half-started stack. */
final class Preflight {

    private final StackConfig config;

    Preflight(StackConfig config) {
        this.config = config;
    }

    /**
     * A launcher killed with -9 leaves PostgreSQL running (it is a daemon, unlike our child JVMs, which stop
     * with their parent). We hold the data directory's lock ({@link DataDir#lock()}), so a postmaster running
     * on our data is such an orphan.
     */
    void stopOrphanPostgres() throws InterruptedException {
        Path pgData = config.dataDir().resolve("postgres").resolve("data");
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(pgData.toString())).orElse(false))
                    .orElse(null);
            if (postmaster != null) {
                System.out.println("Stopping PostgreSQL left over from an earlier run (pid " + pid + ")...");
                postmaster.destroy();
                try {
                    postmaster.onExit().get(30, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    postmaster.destroyForcibly();
                }
            }
        } catch (IOException | ExecutionException | RuntimeException e) {
            // The pid file is unreadable or stale: PostgreSQL's own start-up will judge it.
        }
    }

    void requireServiceJars() {
        List<String> missing = new ArrayList<>();
        for (ServiceSpec service : config.services()) {
            Path jar = service.runnerJar(config.projectDir());
            if (!Files.isRegularFile(jar)) {
                missing.add("  " + jar);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the services are not built; missing:\n" + String.join("\n", missing)
                    + "\nRun ./run.sh without --no-build (it runs mvn -B -q install -DskipTests).");
        }
    }

    void requireFreePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("gateway", config.gatewayPort());
        config.services().forEach(service -> ports.put(service.name(), service.port()));
        ports.put("PostgreSQL", config.infraPorts().postgres());
        ports.put("Kafka", config.infraPorts().kafka());
        ports.put("Kafka controller", config.infraPorts().kafkaController());
        ports.put("S3", config.infraPorts().s3());
        List<String> busy = new ArrayList<>();
        ports.forEach((what, port) -> {
            if (Ports.isOpen(port)) {
                busy.add("  " + port + " (" + what + ")");
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports already in use on 127.0.0.1:\n" + String.join("\n", busy)
                    + "\nIs FirstHand already running from another directory? Stop whatever listens there"
                    + " (the gateway port alone can be changed with --port).");
        }
    }
}
