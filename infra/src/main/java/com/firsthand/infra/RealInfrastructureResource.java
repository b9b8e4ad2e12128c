package com.firsthand.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Test resource that starts real Kafka, PostgreSQL and S3Proxy once per test JVM, on free ports, and points
 * the service under test at them. Use with {@code @QuarkusTestResource(value = RealInfrastructureResource.class,
 * restrictToAnnotatedClass = false)} or {@code @WithTestResource}.
 */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "firsthand";
    private static LocalInfrastructure infrastructure;

    /** The running infrastructure of this test JVM, for tests that restart or inspect a part of it. */
    public static synchronized LocalInfrastructure infrastructure() {
        if (infrastructure == null) {
            try {
                Path dir = Files.createTempDirectory("fh-test-infra");
                infrastructure = LocalInfrastructure.onFreePorts(dir);
                LocalInfrastructure started = infrastructure;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "fh-test-infra-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return infrastructure;
    }

    @Override
    public Map<String, String> start() {
        LocalInfrastructure infra = infrastructure();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.postgres().createDatabase(DATABASE));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("quarkus.minio.host", "http://127.0.0.1");
        config.put("quarkus.minio.port", Integer.toString(infra.s3().port()));
        config.put("quarkus.minio.secure", "false");
        config.put("quarkus.minio.access-key", infra.s3().accessKey());
        config.put("quarkus.minio.secret-key", infra.s3().secretKey());
        return config;
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; stopped by the shutdown hook.
    }
}
