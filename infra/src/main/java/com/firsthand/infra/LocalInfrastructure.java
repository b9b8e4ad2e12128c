package com.firsthand.infra;

import java.nio.file.Path;

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

    public static LocalInfrastructure onFreePorts(Path dataDir) {
        return start(dataDir, new PortPlan(Ports.free(), Ports.free(), Ports.free(), Ports.free()), false);
    }

    public static LocalInfrastructure start(Path dataDir, PortPlan ports, boolean durable) {
        PostgresServer postgres = null;
        KafkaBroker kafka = null;
        try {
            postgres = PostgresServer.start(dataDir.resolve("postgres"), ports.postgres(), durable);
            kafka = KafkaBroker.start(dataDir.resolve("kafka"), ports.kafka(), ports.kafkaController());
            S3Server s3 = S3Server.start(dataDir.resolve("s3"), ports.s3(), S3_ACCESS_KEY, S3_SECRET_KEY);
            return new LocalInfrastructure(postgres, kafka, s3);
        } catch (RuntimeException e) {
            if (kafka != null) {
                kafka.close();
            }
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
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
