package com.firsthand.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firsthand.infra.ChildJvm;
import com.firsthand.infra.LocalInfrastructure;
import com.firsthand.infra.Ports;
import io.minio.MinioClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Real infrastructure plus scoring-service as a real process (the packaged jar), restartable and killable. */
public final class ScoringProcess implements AutoCloseable {

    private final Path dir;
    private final LocalInfrastructure infra;
    private final String jdbcUrl;
    private final int port = Ports.free();
    private ChildJvm service;
    private int starts;

    public ScoringProcess(Path dir) {
        this.dir = dir;
        this.infra = LocalInfrastructure.onFreePorts(dir.resolve("infra"));
        this.jdbcUrl = infra.postgres().createDatabase("scoring");
    }

    public ScoringProcess start(String... extraOptions) {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        assertThat(jar).exists();
        List<String> options = new java.util.ArrayList<>(List.of("-Xmx384m", "-Dquarkus.http.port=" + port));
        infra.serviceConfig("scoring").forEach((key, value) -> options.add("-D" + key + "=" + value));
        // A deployed service refuses the built-in development cursor secret (ProductionSecretsCheck).
        options.add("-Dfirsthand.cursor.secret=scoring-process-cursor-secret");
        options.addAll(List.of(extraOptions));
        service = ChildJvm.start("scoring-" + (++starts), jar.toString(), options,
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(), dir.resolve("scoring-" + starts + ".log"));
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(120)).ignoreExceptionsInstanceOf(java.io.IOException.class).until(() -> {
            assertThat(service.isAlive()).as(service.tail()).isTrue();
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
        return this;
    }

    /** kill -9: no shutdown hook runs, leases and uncommitted work are left as a crash leaves them. */
    public void kill() {
        service.kill();
    }

    public long pid() {
        return service.pid();
    }

    public String kafka() {
        return infra.kafka().bootstrapServers();
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public MinioClient minio() {
        return MinioClient.builder().endpoint(infra.s3().endpoint())
                .credentials(infra.s3().accessKey(), infra.s3().secretKey()).build();
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
        infra.close();
    }
}
