package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker-compose.yml: valid Compose, one step to start, and consistent with the services' configuration. */
class ComposeFileTest {

    private static final Pattern CREATE_DATABASE = Pattern.compile("(?im)^\\s*CREATE DATABASE\\s+(\\w+)\\s*;");
    private static JsonNode validation;
    private static JsonNode compose;

    /** The secrets docs/deploy.md says to put in .env: the only setup before the one step. */
    static final Map<String, String> REQUIRED_SECRETS = Map.of("FIRSTHAND_ADMIN_TOKEN", "an-admin-token",
            "FIRSTHAND_CURSOR_SECRET", "a-cursor-secret");

    @BeforeAll
    static void validate() {
        validation = Validators.compose(Project.path("docker-compose.yml"), REQUIRED_SECRETS);
        compose = validation.get("interpolated");
    }

    @Test
    void validatesAgainstTheComposeSpecificationWithTheTwoSecretsSet() {
        assertThat(validation.get("errors")).as("compose-spec errors").isEmpty();
        assertThat(validation.get("valid").asBoolean()).isTrue();
        assertThat(environment("jobs-service")).containsEntry("FIRSTHAND_ADMIN_TOKEN", "an-admin-token")
                .containsEntry("FIRSTHAND_CURSOR_SECRET", "a-cursor-secret");
    }

    /** A deployed service refuses the *-change-me defaults: compose asks for the secrets instead of supplying them. */
    @Test
    void theSecretsAreRequiredNotDefaulted() {
        JsonNode unset = Validators.compose(Project.path("docker-compose.yml"));
        assertThat(unset.get("valid").asBoolean()).isFalse();
        assertThat(unset.get("errors").toString()).contains("requires variable FIRSTHAND_ADMIN_TOKEN")
                .contains("requires variable FIRSTHAND_CURSOR_SECRET");
        assertThat(Project.read("docker-compose.yml")).doesNotContainIgnoringCase("change-me");
    }

    @Test
    void theValidatorRejectsABrokenFile() throws Exception {
        Path broken = Files.createTempFile("broken-compose", ".yml");
        try {
            Files.writeString(broken, """
                    services:
                      api:
                        image: x
                        depends_on:
                          db:
                            condition: service_ready
                        healthcheck:
                          interval: soon
                        environment:
                          TOKEN: ${TOKEN:?set a token}
                    """);
            JsonNode result = Validators.compose(broken);
            assertThat(result.get("valid").asBoolean()).isFalse();
            assertThat(result.get("errors").toString()).contains("condition").contains("interval").contains("TOKEN");
        } finally {
            Files.deleteIfExists(broken);
        }
    }

    @Test
    void everyVariableOfAServiceIsAPropertyItReads() {
        Map<String, Map<String, String>> problems = new LinkedHashMap<>();
        for (String name : Project.SERVICE_NAMES) {
            Map<String, String> unread = ConfigKeys.of(name).unreadVariables(environment(name));
            if (!unread.isEmpty()) {
                problems.put(name, unread);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void servicesRunTheirImageOnTheirPortWithHealthChecks() {
        for (ServiceFacts service : Project.services()) {
            JsonNode definition = service(service.name());
            assertThat(definition.path("image").asText()).startsWith("firsthand/" + service.name() + ":");
            assertThat(definition.path("build").path("dockerfile").asText()).isEqualTo("docker/Dockerfile");
            assertThat(definition.path("build").path("args").path("SERVICE").asText()).isEqualTo(service.name());
            Map<String, String> environment = environment(service.name());
            if (environment.containsKey("QUARKUS_HTTP_PORT")) {
                assertThat(environment.get("QUARKUS_HTTP_PORT")).isEqualTo(Integer.toString(service.port()));
            }
            assertThat(definition.path("healthcheck").path("test").toString())
                    .contains("http://localhost:" + service.port() + "/q/health/ready");
            assertThat(definition.has("ports")).as("%s is reached through the gateway only", service.name()).isFalse();
            Duration grace = duration(definition.path("stop_grace_period").asText("10s"));
            assertThat(grace).as("%s stop_grace_period", service.name())
                    .isGreaterThan(duration(environment.get("QUARKUS_SHUTDOWN_TIMEOUT")));
        }
    }

    @Test
    void servicesStartAfterTheEnginesAreHealthy() {
        for (ServiceFacts service : Project.services()) {
            JsonNode dependsOn = service(service.name()).path("depends_on");
            assertThat(dependsOn.path("postgres").path("condition").asText()).isEqualTo("service_healthy");
            assertThat(dependsOn.path("kafka").path("condition").asText()).isEqualTo("service_healthy");
            if (environment(service.name()).containsKey("QUARKUS_MINIO_HOST")) {
                assertThat(dependsOn.path("minio-init").path("condition").asText())
                        .isEqualTo("service_completed_successfully");
            }
            assertThat(service("gateway").path("depends_on").path(service.name()).path("condition").asText())
                    .isEqualTo("service_healthy");
        }
        for (String engine : List.of("kafka", "postgres", "minio", "gateway")) {
            assertThat(service(engine).path("healthcheck").path("test").isMissingNode()).as(engine).isFalse();
        }
        assertThat(service("kafka").path("image").asText()).startsWith("apache/kafka:");
        assertThat(service("postgres").path("image").asText()).startsWith("postgres:");
        assertThat(service("minio").path("image").asText()).startsWith("minio/minio:");
    }

    @Test
    void servicesPointAtTheComposeEngines() {
        JsonNode kafka = service("kafka").path("environment");
        assertThat(kafka.path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        Set<String> databases = new TreeSet<>();
        Matcher created = CREATE_DATABASE.matcher(Project.read("docker/postgres/init-databases.sql"));
        while (created.find()) {
            databases.add(created.group(1));
        }
        assertThat(service("postgres").path("volumes").toString())
                .contains("./docker/postgres/init-databases.sql:/docker-entrypoint-initdb.d/");
        for (ServiceFacts service : Project.services()) {
            Map<String, String> environment = environment(service.name());
            String bootstrap = environment.get("KAFKA_BOOTSTRAP_SERVERS");
            assertThat(kafka.path("KAFKA_ADVERTISED_LISTENERS").asText()).contains("://" + bootstrap);
            String url = environment.get("QUARKUS_DATASOURCE_JDBC_URL");
            assertThat(url).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(ServiceFacts.databaseOf(url)).isEqualTo(service.database());
            assertThat(databases).as("databases created at PostgreSQL start").contains(service.database());
            assertThat(environment.get("QUARKUS_DATASOURCE_PASSWORD"))
                    .isEqualTo(service("postgres").path("environment").path("POSTGRES_PASSWORD").asText());
        }
        for (String name : Project.SERVICE_NAMES) {
            Map<String, String> environment = environment(name);
            boolean readsProperties = ConfigKeys.of(name).properties().contains("quarkus.minio.host");
            assertThat(environment.containsKey("QUARKUS_MINIO_HOST")).as("%s uses the object store", name)
                    .isEqualTo(readsProperties);
            if (readsProperties) {
                assertThat(environment.get("QUARKUS_MINIO_HOST")).isEqualTo("http://minio");
                assertThat(environment.get("QUARKUS_MINIO_PORT")).isEqualTo("9000");
                assertThat(environment.get("QUARKUS_MINIO_ACCESS_KEY"))
                        .isEqualTo(service("minio").path("environment").path("MINIO_ROOT_USER").asText());
            }
        }
        JsonNode minioInit = service("minio-init").path("environment");
        assertThat(environment("submissions-service").get("FIRSTHAND_STORAGE_BUCKET"))
                .isEqualTo(minioInit.path("BUCKET").asText());
        assertThat(service("minio-init").path("command").toString()).contains("mc mb --ignore-existing");
    }

    @Test
    void onlyTheGatewayAndTheFileDownloadsArePublishedOnLocalhost() {
        List<String> published = new ArrayList<>();
        compose.path("services").properties().forEach(e -> {
            if (e.getValue().has("ports")) {
                published.add(e.getKey());
                e.getValue().path("ports").forEach(port -> assertThat(port.asText()).startsWith("127.0.0.1:"));
            }
        });
        assertThat(published).containsExactlyInAnyOrder("gateway", "minio");
        assertThat(service("gateway").path("ports").get(0).asText()).endsWith(":8080");
        String files = service("minio").path("ports").get(0).asText();
        assertThat(files).endsWith(":9000");
        String hostPort = files.split(":")[1];
        assertThat(environment("submissions-service").get("FIRSTHAND_STORAGE_PUBLIC_URL"))
                .as("download links are signed for the published MinIO port")
                .isEqualTo("http://localhost:" + hostPort);
        JsonNode gateway = service("gateway");
        assertThat(gateway.path("image").asText()).startsWith(GatewayImage.NAME + ":");
        assertThat(gateway.path("build").path("dockerfile").asText()).isEqualTo(GatewayImage.DOCKERFILE);
        assertThat(gateway.path("build").path("target").asText()).isEqualTo(GatewayImage.TARGET);
        assertThat(gateway.path("volumes").toString()).as("the image's own nginx.conf and description")
                .doesNotContain("/etc/nginx").doesNotContain(GatewayImage.siteRoot());
        NginxRoutes nginx = NginxRoutes.parse(Project.read("docker/gateway/nginx.conf"));
        nginx.upstreams().values().forEach(server -> assertThat(compose.path("services").has(server.host()))
                .as("upstream host %s is a compose service", server.host()).isTrue());
    }

    private static JsonNode service(String name) {
        JsonNode service = compose.path("services").path(name);
        assertThat(service.isMissingNode()).as("compose service %s", name).isFalse();
        return service;
    }

    static Map<String, String> environment(String name) {
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode node = service(name).path("environment");
        if (node.isArray()) {
            node.forEach(item -> {
                String[] pair = item.asText().split("=", 2);
                environment.put(pair[0], pair.length > 1 ? pair[1] : null);
            });
        } else {
            node.properties().forEach(e -> environment.put(e.getKey(), e.getValue().asText()));
        }
        return environment;
    }

    /** A Go/Compose duration of seconds or minutes ("20s", "1m"). */
    static Duration duration(String text) {
        Matcher matcher = Pattern.compile("(\\d+)(s|m)").matcher(text == null ? "" : text.trim());
        assertThat(matcher.matches()).as("duration %s", text).isTrue();
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).equals("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
    }
}
