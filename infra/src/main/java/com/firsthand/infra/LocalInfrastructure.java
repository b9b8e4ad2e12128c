package com.firsthand.infra;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Kafka, PostgreSQL and S3Proxy started together under one data directory. Fixed ports keep a restarted stack
 * reachable at the same addresses (the launcher); {@link #onFreePorts} suits tests.
 */
public final class LocalInfrastructure implements AutoCloseable {

    public static final String S3_ACCESS_KEY = "firsthand";
    public static final String S3_SECRET_KEY = "firsthand-local-secret";

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final S3Server s3;

    private LocalInfrastructure(PostgresServer postgres, KafkaBroker kafka, S3Server s3) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.s3 = s3;
    }

    public record PortPlan(int postgres, int kafka, int kafkaController, int s3) {
    }

    /**
     * Starts each server on ports chosen just before it starts, for tests. A server that does not come up (its
     * port taken in between, a slow start) is started again on fresh ports and in a fresh directory.
     */
    public static LocalInfrastructure onFreePorts(Path dataDir) {
        return onFreePorts(dataDir, Ports::free);
    }

    static LocalInfrastructure onFreePorts(Path dataDir, IntSupplier ports) {
        // PostgreSQL's first port is handed out before the others start asking, so the order stays known.
        int firstPostgresPort = ports.getAsInt();
        return startTogether(
                () -> FreshPortAttempts.start("PostgreSQL", attempt -> PostgresServer.start(
                        attemptDir(dataDir, "postgres", attempt), attempt == 1 ? firstPostgresPort : ports.getAsInt(),
                        false)),
                () -> FreshPortAttempts.start("Kafka", attempt -> KafkaBroker.start(
                        attemptDir(dataDir, "kafka", attempt), ports.getAsInt(), ports.getAsInt())),
                () -> FreshPortAttempts.start("S3Proxy", attempt -> S3Server.start(
                        attemptDir(dataDir, "s3", attempt), ports.getAsInt(), S3_ACCESS_KEY, S3_SECRET_KEY)));
    }

    private static Path attemptDir(Path dataDir, String name, int attempt) {
        return dataDir.resolve(attempt == 1 ? name : name + "-attempt-" + attempt);
    }

    public static LocalInfrastructure start(Path dataDir, PortPlan ports, boolean durable) {
        return startTogether(
                () -> PostgresServer.start(dataDir.resolve("postgres"), ports.postgres(), durable),
                () -> KafkaBroker.start(dataDir.resolve("kafka"), ports.kafka(), ports.kafkaController()),
                () -> S3Server.start(dataDir.resolve("s3"), ports.s3(), S3_ACCESS_KEY, S3_SECRET_KEY));
    }

    /**
     * Starts the three servers side by side (each is mostly waiting on its own process), then either all of them
     * are up or those that came up are stopped and the first failure, in the order PostgreSQL, Kafka, S3Proxy, is
     * thrown as it was.
     */
    private static LocalInfrastructure startTogether(Supplier<PostgresServer> postgres, Supplier<KafkaBroker> kafka,
            Supplier<S3Server> s3) {
        CompletableFuture<KafkaBroker> kafkaStart = CompletableFuture.supplyAsync(kafka, LocalInfrastructure::onThread);
        CompletableFuture<S3Server> s3Start = CompletableFuture.supplyAsync(s3, LocalInfrastructure::onThread);
        RuntimeException failure = null;
        PostgresServer postgresServer = null;
        try {
            postgresServer = postgres.get();
        } catch (RuntimeException e) {
            failure = e;
        }
        KafkaBroker broker = null;
        S3Server s3Server = null;
        try {
            broker = joined(kafkaStart);
        } catch (RuntimeException e) {
            failure = failure == null ? e : failure;
        }
        try {
            s3Server = joined(s3Start);
        } catch (RuntimeException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            closeQuietly(s3Server, broker, postgresServer);
            throw failure;
        }
        return new LocalInfrastructure(postgresServer, broker, s3Server);
    }

    private static void onThread(Runnable start) {
        Thread thread = new Thread(start, "local-infrastructure-start");
        thread.setDaemon(true);
        thread.start();
    }

    private static <T> T joined(CompletableFuture<T> start) {
        try {
            return start.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void closeQuietly(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("could not stop " + part + ": " + e.getMessage());
            }
        }
    }

    /**
     * The configuration that points a FirstHand service at these servers, with its own database (created when
     * missing): the one place the launcher, the test resource and the tests' service processes take it from.
     */
    public Map<String, String> serviceConfig(String database) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.createDatabase(database));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.minio.host", "http://127.0.0.1");
        config.put("quarkus.minio.port", Integer.toString(s3.port()));
        config.put("quarkus.minio.secure", "false");
        config.put("quarkus.minio.access-key", s3.accessKey());
        config.put("quarkus.minio.secret-key", s3.secretKey());
        return config;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public S3Server s3() {
        return s3;
    }

    @Override
    public void close() {
        s3.close();
        kafka.close();
        postgres.close();
    }
}
